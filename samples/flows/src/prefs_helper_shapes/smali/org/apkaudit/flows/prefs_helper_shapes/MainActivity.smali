.class public Lorg/apkaudit/flows/prefs_helper_shapes/MainActivity;
.super Lorg/apkaudit/flows/prefs_helper_shapes/BaseActivity;
.source "MainActivity.java"

# Flow case "prefs_helper_shapes": 4 leaks: the device id posted, logged twice (once in the helper), and the serial number logged, each kept and read back through a helper
# Settings helpers in the shapes lending apps ship them: a static helper with a context kept in a static field
# (the call passes only the key), a read helper in the app's base activity called on the activity, a helper
# that writes what it reads itself (the serial number), and one that logs what it reads.
#
#   onCreate:
#     SpUtil.ctx = getApplicationContext();
#     SpUtil.put(this, "device_id", telephonyManager.getDeviceId());
#     SpUtil.put(this, "theme", "dark");
#     SpUtil.saveSerial(this, "serial");                  // putString(c, key, Build.SERIAL)
#     Uploader.upload();                                  // post(SpUtil.get("device_id"))
#     Log.i("pref", getPref("device_id"));                    // BaseActivity.getPref, named on MainActivity
#     SpUtil.send(this, "device_id");                          // Log.d(key, getString(c, key))
#     Uploader.uploadSerial();                            // Log.w("serial", SpUtil.get("serial"))


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Lorg/apkaudit/flows/prefs_helper_shapes/BaseActivity;-><init>()V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 5

    invoke-super {p0, p1}, Lorg/apkaudit/flows/prefs_helper_shapes/BaseActivity;->onCreate(Landroid/os/Bundle;)V

    invoke-virtual {p0}, Landroid/content/Context;->getApplicationContext()Landroid/content/Context;

    move-result-object v0

    sput-object v0, Lorg/apkaudit/flows/prefs_helper_shapes/SpUtil;->ctx:Landroid/content/Context;

    :try_start_0
    const-string v0, "phone"

    invoke-virtual {p0, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;

    move-result-object v0

    check-cast v0, Landroid/telephony/TelephonyManager;

    # source: the device id
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;

    move-result-object v0

    const-string v1, "device_id"

    invoke-static {p0, v1, v0}, Lorg/apkaudit/flows/prefs_helper_shapes/SpUtil;->put(Landroid/content/Context;Ljava/lang/String;Ljava/lang/Object;)V
    :try_end_0
    .catch Ljava/lang/SecurityException; {:try_start_0 .. :try_end_0} :catch_0

    :goto_0
    const-string v1, "theme"

    const-string v2, "dark"

    invoke-static {p0, v1, v2}, Lorg/apkaudit/flows/prefs_helper_shapes/SpUtil;->put(Landroid/content/Context;Ljava/lang/String;Ljava/lang/Object;)V

    const-string v1, "serial"

    invoke-static {p0, v1}, Lorg/apkaudit/flows/prefs_helper_shapes/SpUtil;->saveSerial(Landroid/content/Context;Ljava/lang/String;)V

    invoke-static {}, Lorg/apkaudit/flows/prefs_helper_shapes/Uploader;->upload()V

    const-string v1, "device_id"

    # the base activity's helper, named on this class
    invoke-virtual {p0, v1}, Lorg/apkaudit/flows/prefs_helper_shapes/MainActivity;->getPref(Ljava/lang/String;)Ljava/lang/String;

    move-result-object v2

    const-string v3, "pref"

    # sink: logged
    invoke-static {v3, v2}, Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I

    invoke-static {p0, v1}, Lorg/apkaudit/flows/prefs_helper_shapes/SpUtil;->send(Landroid/content/Context;Ljava/lang/String;)V

    invoke-static {}, Lorg/apkaudit/flows/prefs_helper_shapes/Uploader;->uploadSerial()V

    return-void

    :catch_0
    move-exception v0

    goto :goto_0
.end method
