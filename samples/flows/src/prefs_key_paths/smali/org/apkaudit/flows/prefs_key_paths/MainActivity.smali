.class public Lorg/apkaudit/flows/prefs_key_paths/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "prefs_key_paths" (1 leak, network): the shape of a web runtime's settings class (X5's
# com.tencent.smtt.sdk): one method reads a preference under a key held in a register that another path of the
# same method overwrites with a key it computes. The read on the first path is still a read of "device_id".
#
#   onCreate:
#     SharedPreferences p = getSharedPreferences("tbs", 0);
#     p.edit().putString("device_id", telephonyManager.getDeviceId()).apply();
#     Config.sync(p, getIntent().getBooleanExtra("fresh", false));
#   Config.sync(SharedPreferences p, boolean fresh):
#     String key = "device_id";
#     if (fresh) {
#         if (p.contains(key)) Config.post(p.getString(key, ""));   // <- the leak (in Config.post)
#         return;
#     }
#     key = Config.keyFor();                                        // the other path: a computed key
#     p.edit().remove(key).apply();


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 7

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    const-string v0, "tbs"

    const/4 v1, 0x0

    invoke-virtual {p0, v0, v1}, Landroid/content/Context;->getSharedPreferences(Ljava/lang/String;I)Landroid/content/SharedPreferences;

    move-result-object v2

    :try_start_0
    const-string v0, "phone"

    invoke-virtual {p0, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;

    move-result-object v0

    check-cast v0, Landroid/telephony/TelephonyManager;

    # source: the device id
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;

    move-result-object v0

    invoke-interface {v2}, Landroid/content/SharedPreferences;->edit()Landroid/content/SharedPreferences$Editor;

    move-result-object v3

    const-string v4, "device_id"

    # carrier: the preference
    invoke-interface {v3, v4, v0}, Landroid/content/SharedPreferences$Editor;->putString(Ljava/lang/String;Ljava/lang/String;)Landroid/content/SharedPreferences$Editor;

    move-result-object v3

    invoke-interface {v3}, Landroid/content/SharedPreferences$Editor;->apply()V
    :try_end_0
    .catch Ljava/lang/SecurityException; {:try_start_0 .. :try_end_0} :catch_0

    :goto_0
    invoke-virtual {p0}, Landroid/app/Activity;->getIntent()Landroid/content/Intent;

    move-result-object v0

    const-string v3, "fresh"

    invoke-virtual {v0, v3, v1}, Landroid/content/Intent;->getBooleanExtra(Ljava/lang/String;Z)Z

    move-result v0

    invoke-static {v2, v0}, Lorg/apkaudit/flows/prefs_key_paths/Config;->sync(Landroid/content/SharedPreferences;Z)V

    return-void

    :catch_0
    move-exception v0

    goto :goto_0
.end method
