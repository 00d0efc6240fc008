.class public Lorg/apkaudit/flows/prefs_helper_shapes_other/BaseActivity;
.super Landroid/app/Activity;
.source "BaseActivity.java"

# The app's base activity: a settings read under the key its caller names (see MainActivity for the Java).


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method


# virtual methods
.method public getPref(Ljava/lang/String;)Ljava/lang/String;
    .registers 5

    const-string v0, "app_config"

    const/4 v1, 0x0

    invoke-virtual {p0, v0, v1}, Landroid/content/Context;->getSharedPreferences(Ljava/lang/String;I)Landroid/content/SharedPreferences;

    move-result-object v0

    const-string v1, ""

    invoke-interface {v0, p1, v1}, Landroid/content/SharedPreferences;->getString(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;

    move-result-object v0

    return-object v0
.end method
