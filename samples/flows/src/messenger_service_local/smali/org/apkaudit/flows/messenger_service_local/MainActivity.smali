.class public Lorg/apkaudit/flows/messenger_service_local/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "messenger_service_local" (no leak): as messenger_service, but the Handler the service wraps in
# its Messenger only posts a constant; the service's other Handler posts msg.obj but no Messenger wraps it.
#
#   onCreate: bindService(new Intent(this, UploadService.class), new Connection(this), BIND_AUTO_CREATE);
#   Connection.onServiceConnected(name, binder):
#     String imei = activity.getDeviceId();
#     Message m = Message.obtain(null, 1, imei);     // m.obj = imei
#     new Messenger(binder).send(m);                 // to UploadService's IncomingHandler
#   UploadService: mMessenger = new Messenger(new IncomingHandler()); onBind returns mMessenger.getBinder()
#   IncomingHandler.handleMessage(Message msg): post("ping")
#   UploadHandler.handleMessage(Message msg): post((String) msg.obj)     // never sent to


.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method

.method protected onCreate(Landroid/os/Bundle;)V
    .registers 5

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    new-instance v0, Landroid/content/Intent;

    const-class v1, Lorg/apkaudit/flows/messenger_service_local/UploadService;

    invoke-direct {v0, p0, v1}, Landroid/content/Intent;-><init>(Landroid/content/Context;Ljava/lang/Class;)V

    new-instance v1, Lorg/apkaudit/flows/messenger_service_local/Connection;

    invoke-direct {v1, p0}, Lorg/apkaudit/flows/messenger_service_local/Connection;-><init>(Lorg/apkaudit/flows/messenger_service_local/MainActivity;)V

    const/4 v2, 0x1

    invoke-virtual {p0, v0, v1, v2}, Landroid/content/Context;->bindService(Landroid/content/Intent;Landroid/content/ServiceConnection;I)Z

    return-void
.end method
