.class public Lorg/apkaudit/flows/prefs_helper_shapes_other/MainActivity;
.super Lorg/apkaudit/flows/prefs_helper_shapes_other/BaseActivity;
.source "MainActivity.java"

# Flow case "prefs_helper_shapes_other": 0 leaks: as prefs_helper_shapes, but every read names "theme" or the backup of "theme", which hold only "dark"
# Settings helpers in the shapes lending apps ship them: a static helper with a context kept in a static field
# (the call passes only the key), a read helper in the app's base activity called on the activity, a helper
# that writes what it reads itself (the serial number), one that logs what it reads, one that writes back what
# it reads, and a class that reads its setting in its constructor. SpUtil.get reuses its key's register.
#
#   onCreate:
#     SpUtil.ctx = getApplicationContext();
#     SpUtil.put(this, "device_id", telephonyManager.getDeviceId());
#     SpUtil.put(this, "theme", "dark");
#     SpUtil.saveSerial(this, "serial");                  // putString(c, key, Build.SERIAL)
#     Uploader.upload();                                  // post(SpUtil.get("theme"))
#     Log.i("pref", getPref("theme"));                    // BaseActivity.getPref, named on MainActivity
#     SpUtil.touch(this, "device_id"); SpUtil.touch(this, "theme");  // read, trimmed, written back
#     SpUtil.copy(this, "theme", "backup_id"); SpUtil.copy(this, "device_id", "old_id");  // read, kept under another key
#     SpUtil.send(this, "theme");                          // Log.d(key, getString(c, key))
#     new Setting(this, "device_id");                     // a setting read in its constructor, unused
#     Log.v("setting", new Setting(this, "theme").value);
#     Uploader.uploadSerial();                            // Log.w("serial", SpUtil.get("theme"))
#     Uploader.uploadBackup();                            // Log.e("backup", SpUtil.get("backup_id"))


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Lorg/apkaudit/flows/prefs_helper_shapes_other/BaseActivity;-><init>()V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 7

    invoke-super {p0, p1}, Lorg/apkaudit/flows/prefs_helper_shapes_other/BaseActivity;->onCreate(Landroid/os/Bundle;)V

    invoke-virtual {p0}, Landroid/content/Context;->getApplicationContext()Landroid/content/Context;

    move-result-object v0

    sput-object v0, Lorg/apkaudit/flows/prefs_helper_shapes_other/SpUtil;->ctx:Landroid/content/Context;

    :try_start_0
    const-string v0, "phone"

    invoke-virtual {p0, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;

    move-result-object v0

    check-cast v0, Landroid/telephony/TelephonyManager;

    # source: the device id
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;

    move-result-object v0

    const-string v1, "device_id"

    invoke-static {p0, v1, v0}, Lorg/apkaudit/flows/prefs_helper_shapes_other/SpUtil;->put(Landroid/content/Context;Ljava/lang/String;Ljava/lang/Object;)V
    :try_end_0
    .catch Ljava/lang/SecurityException; {:try_start_0 .. :try_end_0} :catch_0

    :goto_0
    const-string v1, "theme"

    const-string v2, "dark"

    invoke-static {p0, v1, v2}, Lorg/apkaudit/flows/prefs_helper_shapes_other/SpUtil;->put(Landroid/content/Context;Ljava/lang/String;Ljava/lang/Object;)V

    const-string v1, "device_id"

    invoke-static {p0, v1}, Lorg/apkaudit/flows/prefs_helper_shapes_other/SpUtil;->touch(Landroid/content/Context;Ljava/lang/String;)V

    const-string v1, "theme"

    invoke-static {p0, v1}, Lorg/apkaudit/flows/prefs_helper_shapes_other/SpUtil;->touch(Landroid/content/Context;Ljava/lang/String;)V

    const-string v1, "theme"

    const-string v2, "backup_id"

    invoke-static {p0, v1, v2}, Lorg/apkaudit/flows/prefs_helper_shapes_other/SpUtil;->copy(Landroid/content/Context;Ljava/lang/String;Ljava/lang/String;)V

    const-string v1, "device_id"

    const-string v2, "old_id"

    invoke-static {p0, v1, v2}, Lorg/apkaudit/flows/prefs_helper_shapes_other/SpUtil;->copy(Landroid/content/Context;Ljava/lang/String;Ljava/lang/String;)V

    const-string v1, "serial"

    invoke-static {p0, v1}, Lorg/apkaudit/flows/prefs_helper_shapes_other/SpUtil;->saveSerial(Landroid/content/Context;Ljava/lang/String;)V

    invoke-static {}, Lorg/apkaudit/flows/prefs_helper_shapes_other/Uploader;->upload()V

    const-string v1, "theme"

    # the base activity's helper, named on this class
    invoke-virtual {p0, v1}, Lorg/apkaudit/flows/prefs_helper_shapes_other/MainActivity;->getPref(Ljava/lang/String;)Ljava/lang/String;

    move-result-object v2

    const-string v3, "pref"

    # sink: logged
    invoke-static {v3, v2}, Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I

    invoke-static {p0, v1}, Lorg/apkaudit/flows/prefs_helper_shapes_other/SpUtil;->send(Landroid/content/Context;Ljava/lang/String;)V

    new-instance v2, Lorg/apkaudit/flows/prefs_helper_shapes_other/Setting;

    const-string v3, "device_id"

    invoke-direct {v2, p0, v3}, Lorg/apkaudit/flows/prefs_helper_shapes_other/Setting;-><init>(Landroid/content/Context;Ljava/lang/String;)V

    new-instance v2, Lorg/apkaudit/flows/prefs_helper_shapes_other/Setting;

    invoke-direct {v2, p0, v1}, Lorg/apkaudit/flows/prefs_helper_shapes_other/Setting;-><init>(Landroid/content/Context;Ljava/lang/String;)V

    iget-object v2, v2, Lorg/apkaudit/flows/prefs_helper_shapes_other/Setting;->value:Ljava/lang/String;

    const-string v3, "setting"

    # sink: logged
    invoke-static {v3, v2}, Landroid/util/Log;->v(Ljava/lang/String;Ljava/lang/String;)I

    invoke-static {}, Lorg/apkaudit/flows/prefs_helper_shapes_other/Uploader;->uploadSerial()V

    invoke-static {}, Lorg/apkaudit/flows/prefs_helper_shapes_other/Uploader;->uploadBackup()V

    return-void

    :catch_0
    move-exception v0

    goto :goto_0
.end method
