.class public Lorg/apkaudit/flows/static_store_local/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "static_store_local" (no leak).
#
#   onCreate:
#     Store.imei = telephonyManager.getDeviceId();    // carrier: a static field
#     Store.lastSync = "never";
#     startService(new Intent(this, UploadService.class));
#   UploadService.onStartCommand(Intent, int, int):
#     post(Store.lastSync);                          // only the constant is sent: no leak


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

    const-string v1, "phone"

    invoke-virtual {p0, v1}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;

    move-result-object v1

    check-cast v1, Landroid/telephony/TelephonyManager;

    # source: the device id
    invoke-virtual {v1}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;

    move-result-object v0

    sput-object v0, Lorg/apkaudit/flows/static_store_local/Store;->imei:Ljava/lang/String;

    const-string v0, "never"

    sput-object v0, Lorg/apkaudit/flows/static_store_local/Store;->lastSync:Ljava/lang/String;

    new-instance v0, Landroid/content/Intent;

    const-class v1, Lorg/apkaudit/flows/static_store_local/UploadService;

    invoke-direct {v0, p0, v1}, Landroid/content/Intent;-><init>(Landroid/content/Context;Ljava/lang/Class;)V

    invoke-virtual {p0, v0}, Lorg/apkaudit/flows/static_store_local/MainActivity;->startService(Landroid/content/Intent;)Landroid/content/ComponentName;
    :try_end_0
    .catch Ljava/lang/SecurityException; {:try_start_0 .. :try_end_0} :catch_0

    :goto_0
    return-void

    :catch_0
    move-exception v0

    goto :goto_0
.end method
