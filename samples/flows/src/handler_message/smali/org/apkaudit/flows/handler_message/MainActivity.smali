.class public Lorg/apkaudit/flows/handler_message/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "handler_message" (1 leak, network).
#
#   onCreate:
#     String imei = telephonyManager.getDeviceId();
#     UploadHandler h = new UploadHandler(Looper.getMainLooper());
#     Message m = h.obtainMessage(1);
#     m.obj = imei;                                  // carrier: Message.obj
#     h.sendMessage(m);
#   UploadHandler.handleMessage(Message msg):
#     post(((String) msg.obj));                      // <- the leak


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 6

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    :try_start_0

    const-string v1, "phone"

    invoke-virtual {p0, v1}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;

    move-result-object v1

    check-cast v1, Landroid/telephony/TelephonyManager;

    # source: the device id
    invoke-virtual {v1}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;

    move-result-object v0

    new-instance v1, Lorg/apkaudit/flows/handler_message/UploadHandler;

    invoke-static {}, Landroid/os/Looper;->getMainLooper()Landroid/os/Looper;

    move-result-object v2

    invoke-direct {v1, v2}, Lorg/apkaudit/flows/handler_message/UploadHandler;-><init>(Landroid/os/Looper;)V

    const/4 v2, 0x1

    invoke-virtual {v1, v2}, Landroid/os/Handler;->obtainMessage(I)Landroid/os/Message;

    move-result-object v2

    # carrier: the message's obj
    iput-object v0, v2, Landroid/os/Message;->obj:Ljava/lang/Object;

    invoke-virtual {v1, v2}, Landroid/os/Handler;->sendMessage(Landroid/os/Message;)Z
    :try_end_0
    .catch Ljava/lang/SecurityException; {:try_start_0 .. :try_end_0} :catch_0

    :goto_0
    return-void

    :catch_0
    move-exception v0

    goto :goto_0
.end method
