.class public Lorg/apkaudit/flows/thread_subclass/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "thread_subclass" (1 leak, network).
#
#   onCreate:
#     new UploadThread(telephonyManager.getDeviceId()).start();   // carrier: a field of a Thread subclass
#   UploadThread(String imei) { this.imei = imei; }
#   UploadThread.run():
#     post(this.imei);                               // <- the leak


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

    new-instance v1, Lorg/apkaudit/flows/thread_subclass/UploadThread;

    invoke-direct {v1, v0}, Lorg/apkaudit/flows/thread_subclass/UploadThread;-><init>(Ljava/lang/String;)V

    invoke-virtual {v1}, Ljava/lang/Thread;->start()V
    :try_end_0
    .catch Ljava/lang/SecurityException; {:try_start_0 .. :try_end_0} :catch_0

    :goto_0
    return-void

    :catch_0
    move-exception v0

    goto :goto_0
.end method
