.class public Lorg/apkaudit/flows/provider_store_other_table/IdProvider;
.super Landroid/content/ContentProvider;

# The app's own provider (its database code left out: the analysis models the store by its URI).

.field public static final CONTENT_URI:Landroid/net/Uri;

.method static constructor <clinit>()V
    .registers 1
    const-string v0, "content://org.apkaudit.flows.provider_store_other_table.ids/devices"
    invoke-static {v0}, Landroid/net/Uri;->parse(Ljava/lang/String;)Landroid/net/Uri;
    move-result-object v0
    sput-object v0, Lorg/apkaudit/flows/provider_store_other_table/IdProvider;->CONTENT_URI:Landroid/net/Uri;
    return-void
.end method

.method public constructor <init>()V
    .registers 1
    invoke-direct {p0}, Landroid/content/ContentProvider;-><init>()V
    return-void
.end method

.method public onCreate()Z
    .registers 2
    const/4 v0, 0x1
    return v0
.end method
