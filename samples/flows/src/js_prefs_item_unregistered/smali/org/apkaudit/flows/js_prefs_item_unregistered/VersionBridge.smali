.class final Lorg/apkaudit/flows/js_prefs_item_unregistered/VersionBridge;
.super Ljava/lang/Object;
.source "VersionBridge.java"

# The app's version, for the page (see MainActivity for the Java).


# direct methods
.method constructor <init>()V
    .registers 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method


# virtual methods
.method public getVersion()Ljava/lang/String;
    .registers 2
    .annotation runtime Landroid/webkit/JavascriptInterface;
    .end annotation

    const-string v0, "1.0"

    return-object v0
.end method
