.class public final Lorg/apkaudit/flows/prefs_helper_shapes_other/SpUtil;
.super Ljava/lang/Object;
.source "SpUtil.java"

# The app's preferences, each under the key its caller names (see MainActivity for the Java).

.field public static ctx:Landroid/content/Context;


# direct methods
.method private constructor <init>()V
    .registers 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method

.method public static put(Landroid/content/Context;Ljava/lang/String;Ljava/lang/Object;)V
    .registers 4

    instance-of v0, p2, Ljava/lang/String;

    if-eqz v0, :cond_other

    check-cast p2, Ljava/lang/String;

    invoke-static {p0, p1, p2}, Lorg/apkaudit/flows/prefs_helper_shapes_other/SpUtil;->putString(Landroid/content/Context;Ljava/lang/String;Ljava/lang/String;)V

    return-void

    :cond_other
    invoke-static {p2}, Ljava/lang/String;->valueOf(Ljava/lang/Object;)Ljava/lang/String;

    move-result-object v0

    invoke-static {p0, p1, v0}, Lorg/apkaudit/flows/prefs_helper_shapes_other/SpUtil;->putString(Landroid/content/Context;Ljava/lang/String;Ljava/lang/String;)V

    return-void
.end method

.method public static putString(Landroid/content/Context;Ljava/lang/String;Ljava/lang/String;)V
    .registers 5

    const-string v0, "app_config"

    const/4 v1, 0x0

    invoke-virtual {p0, v0, v1}, Landroid/content/Context;->getSharedPreferences(Ljava/lang/String;I)Landroid/content/SharedPreferences;

    move-result-object v0

    invoke-interface {v0}, Landroid/content/SharedPreferences;->edit()Landroid/content/SharedPreferences$Editor;

    move-result-object v0

    # written under the key the caller names
    invoke-interface {v0, p1, p2}, Landroid/content/SharedPreferences$Editor;->putString(Ljava/lang/String;Ljava/lang/String;)Landroid/content/SharedPreferences$Editor;

    move-result-object v0

    invoke-interface {v0}, Landroid/content/SharedPreferences$Editor;->apply()V

    return-void
.end method

.method public static getString(Landroid/content/Context;Ljava/lang/String;)Ljava/lang/String;
    .registers 5

    const-string v0, "app_config"

    const/4 v1, 0x0

    invoke-virtual {p0, v0, v1}, Landroid/content/Context;->getSharedPreferences(Ljava/lang/String;I)Landroid/content/SharedPreferences;

    move-result-object v0

    const-string v1, ""

    # read under the key the caller names
    invoke-interface {v0, p1, v1}, Landroid/content/SharedPreferences;->getString(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;

    move-result-object v0

    return-object v0
.end method

.method public static get(Ljava/lang/String;)Ljava/lang/String;
    .registers 2

    sget-object v0, Lorg/apkaudit/flows/prefs_helper_shapes_other/SpUtil;->ctx:Landroid/content/Context;

    # the context from a static field: the call passes no data, only the key
    invoke-static {v0, p0}, Lorg/apkaudit/flows/prefs_helper_shapes_other/SpUtil;->getString(Landroid/content/Context;Ljava/lang/String;)Ljava/lang/String;

    # the key's register, dead now, reused for the result (as R8 does)
    move-result-object p0

    return-object p0
.end method

.method public static copy(Landroid/content/Context;Ljava/lang/String;Ljava/lang/String;)V
    .registers 4

    # a setting read under one key and kept under another (a backup)
    invoke-static {p0, p1}, Lorg/apkaudit/flows/prefs_helper_shapes_other/SpUtil;->getString(Landroid/content/Context;Ljava/lang/String;)Ljava/lang/String;

    move-result-object v0

    invoke-static {p0, p2, v0}, Lorg/apkaudit/flows/prefs_helper_shapes_other/SpUtil;->putString(Landroid/content/Context;Ljava/lang/String;Ljava/lang/String;)V

    return-void
.end method

.method public static touch(Landroid/content/Context;Ljava/lang/String;)V
    .registers 3

    # a setting read and written back under the same key (a migration)
    invoke-static {p0, p1}, Lorg/apkaudit/flows/prefs_helper_shapes_other/SpUtil;->getString(Landroid/content/Context;Ljava/lang/String;)Ljava/lang/String;

    move-result-object v0

    invoke-virtual {v0}, Ljava/lang/String;->trim()Ljava/lang/String;

    move-result-object v0

    invoke-static {p0, p1, v0}, Lorg/apkaudit/flows/prefs_helper_shapes_other/SpUtil;->putString(Landroid/content/Context;Ljava/lang/String;Ljava/lang/String;)V

    return-void
.end method

.method public static saveSerial(Landroid/content/Context;Ljava/lang/String;)V
    .registers 3

    # source: the serial number, read by the helper itself
    sget-object v0, Landroid/os/Build;->SERIAL:Ljava/lang/String;

    invoke-static {p0, p1, v0}, Lorg/apkaudit/flows/prefs_helper_shapes_other/SpUtil;->putString(Landroid/content/Context;Ljava/lang/String;Ljava/lang/String;)V

    return-void
.end method

.method public static send(Landroid/content/Context;Ljava/lang/String;)V
    .registers 3

    invoke-static {p0, p1}, Lorg/apkaudit/flows/prefs_helper_shapes_other/SpUtil;->getString(Landroid/content/Context;Ljava/lang/String;)Ljava/lang/String;

    move-result-object v0

    # sink: the helper logs what it read
    invoke-static {p1, v0}, Landroid/util/Log;->d(Ljava/lang/String;Ljava/lang/String;)I

    return-void
.end method
