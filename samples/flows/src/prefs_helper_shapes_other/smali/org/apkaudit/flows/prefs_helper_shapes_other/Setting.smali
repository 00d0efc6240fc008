.class public final Lorg/apkaudit/flows/prefs_helper_shapes_other/Setting;
.super Ljava/lang/Object;
.source "Setting.java"

# One setting, read when it is made (see MainActivity for the Java).


# instance fields
.field public value:Ljava/lang/String;


# direct methods
.method public constructor <init>(Landroid/content/Context;Ljava/lang/String;)V
    .registers 5

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    const-string v0, "app_config"

    const/4 v1, 0x0

    invoke-virtual {p1, v0, v1}, Landroid/content/Context;->getSharedPreferences(Ljava/lang/String;I)Landroid/content/SharedPreferences;

    move-result-object v0

    const-string v1, ""

    invoke-interface {v0, p2, v1}, Landroid/content/SharedPreferences;->getString(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;

    move-result-object v0

    iput-object v0, p0, Lorg/apkaudit/flows/prefs_helper_shapes_other/Setting;->value:Ljava/lang/String;

    return-void
.end method
