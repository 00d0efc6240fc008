.class final Lorg/apkaudit/flows/messenger_service_local/Connection;
.super Ljava/lang/Object;
.source "Connection.java"

# interfaces
.implements Landroid/content/ServiceConnection;


# instance fields
.field private final activity:Lorg/apkaudit/flows/messenger_service_local/MainActivity;


.method constructor <init>(Lorg/apkaudit/flows/messenger_service_local/MainActivity;)V
    .registers 2

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    iput-object p1, p0, Lorg/apkaudit/flows/messenger_service_local/Connection;->activity:Lorg/apkaudit/flows/messenger_service_local/MainActivity;

    return-void
.end method

.method public onServiceConnected(Landroid/content/ComponentName;Landroid/os/IBinder;)V
    .registers 7

    :try_start_0
    iget-object v0, p0, Lorg/apkaudit/flows/messenger_service_local/Connection;->activity:Lorg/apkaudit/flows/messenger_service_local/MainActivity;

    const-string v1, "phone"

    invoke-virtual {v0, v1}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;

    move-result-object v1

    check-cast v1, Landroid/telephony/TelephonyManager;

    # source: the device id
    invoke-virtual {v1}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;

    move-result-object v0

    const/4 v1, 0x0

    const/4 v2, 0x1

    # carrier: the message's obj, given to obtain()
    invoke-static {v1, v2, v0}, Landroid/os/Message;->obtain(Landroid/os/Handler;ILjava/lang/Object;)Landroid/os/Message;

    move-result-object v2

    new-instance v3, Landroid/os/Messenger;

    invoke-direct {v3, p2}, Landroid/os/Messenger;-><init>(Landroid/os/IBinder;)V

    invoke-virtual {v3, v2}, Landroid/os/Messenger;->send(Landroid/os/Message;)V
    :try_end_0
    .catch Ljava/lang/Exception; {:try_start_0 .. :try_end_0} :catch_0

    :goto_0
    return-void

    :catch_0
    move-exception v0

    goto :goto_0
.end method

.method public onServiceDisconnected(Landroid/content/ComponentName;)V
    .registers 2

    return-void
.end method
