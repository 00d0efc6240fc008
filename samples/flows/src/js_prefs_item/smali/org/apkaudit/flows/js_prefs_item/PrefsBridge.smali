.class final Lorg/apkaudit/flows/js_prefs_item/PrefsBridge;
.super Ljava/lang/Object;
.source "PrefsBridge.java"

# The settings the page may read (see MainActivity for the Java).


# instance fields
.field private final ctx:Landroid/content/Context;


# direct methods
.method constructor <init>(Landroid/content/Context;)V
    .registers 2

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    iput-object p1, p0, Lorg/apkaudit/flows/js_prefs_item/PrefsBridge;->ctx:Landroid/content/Context;

    return-void
.end method


# virtual methods
.method public getItem(Ljava/lang/String;)Ljava/lang/String;
    .registers 3
    .annotation runtime Landroid/webkit/JavascriptInterface;
    .end annotation

    iget-object v0, p0, Lorg/apkaudit/flows/js_prefs_item/PrefsBridge;->ctx:Landroid/content/Context;

    # the key is the page's
    invoke-static {v0, p1}, Lorg/apkaudit/flows/js_prefs_item/SpUtil;->getString(Landroid/content/Context;Ljava/lang/String;)Ljava/lang/String;

    move-result-object v0

    return-object v0
.end method
