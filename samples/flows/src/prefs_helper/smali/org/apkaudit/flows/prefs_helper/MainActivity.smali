.class public Lorg/apkaudit/flows/prefs_helper/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "prefs_helper": 1 leak, network: the device id kept under "device_id" through the helper, read back through it and posted
# The shape of a lending app's settings helper (SpUtil, SPUtils): every preference goes through static methods
# that take the key as a parameter, one of them handing its key and value on to another.
#
#   onCreate:
#     SpUtil.put(this, "device_id", telephonyManager.getDeviceId());
#     SpUtil.put(this, "theme", "dark");
#     Uploader.upload(this);
#   Uploader.upload(Context c):
#     Uploader.post(SpUtil.getString(c, "device_id"));
#   SpUtil.put(Context c, String key, Object value):
#     SpUtil.putString(c, key, value instanceof String ? (String) value : String.valueOf(value));
#   SpUtil.putString(Context c, String key, String value):
#     c.getSharedPreferences("app_config", 0).edit().putString(key, value).apply();
#   SpUtil.getString(Context c, String key):
#     return c.getSharedPreferences("app_config", 0).getString(key, "");


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 5

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    :try_start_0
    const-string v0, "phone"

    invoke-virtual {p0, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;

    move-result-object v0

    check-cast v0, Landroid/telephony/TelephonyManager;

    # source: the device id
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;

    move-result-object v0

    const-string v1, "device_id"

    # carrier: the preference "device_id", through the helper
    invoke-static {p0, v1, v0}, Lorg/apkaudit/flows/prefs_helper/SpUtil;->put(Landroid/content/Context;Ljava/lang/String;Ljava/lang/Object;)V
    :try_end_0
    .catch Ljava/lang/SecurityException; {:try_start_0 .. :try_end_0} :catch_0

    :goto_0
    const-string v1, "theme"

    const-string v2, "dark"

    invoke-static {p0, v1, v2}, Lorg/apkaudit/flows/prefs_helper/SpUtil;->put(Landroid/content/Context;Ljava/lang/String;Ljava/lang/Object;)V

    invoke-static {p0}, Lorg/apkaudit/flows/prefs_helper/Uploader;->upload(Landroid/content/Context;)V

    return-void

    :catch_0
    move-exception v0

    goto :goto_0
.end method
