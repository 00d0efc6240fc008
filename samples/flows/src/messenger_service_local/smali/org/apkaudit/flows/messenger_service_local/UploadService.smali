.class public Lorg/apkaudit/flows/messenger_service_local/UploadService;
.super Landroid/app/Service;
.source "UploadService.java"


# instance fields
.field final mMessenger:Landroid/os/Messenger;

.field uploader:Landroid/os/Handler;


.method public constructor <init>()V
    .registers 3

    invoke-direct {p0}, Landroid/app/Service;-><init>()V

    new-instance v0, Landroid/os/Messenger;

    new-instance v1, Lorg/apkaudit/flows/messenger_service_local/IncomingHandler;

    invoke-direct {v1}, Lorg/apkaudit/flows/messenger_service_local/IncomingHandler;-><init>()V

    invoke-direct {v0, v1}, Landroid/os/Messenger;-><init>(Landroid/os/Handler;)V

    iput-object v0, p0, Lorg/apkaudit/flows/messenger_service_local/UploadService;->mMessenger:Landroid/os/Messenger;

    return-void
.end method

.method public onBind(Landroid/content/Intent;)Landroid/os/IBinder;
    .registers 3

    iget-object v0, p0, Lorg/apkaudit/flows/messenger_service_local/UploadService;->mMessenger:Landroid/os/Messenger;

    invoke-virtual {v0}, Landroid/os/Messenger;->getBinder()Landroid/os/IBinder;

    move-result-object v0

    return-object v0
.end method

.method public onCreate()V
    .registers 2

    invoke-super {p0}, Landroid/app/Service;->onCreate()V

    # a Handler that posts msg.obj, but no Messenger wraps it: Messenger.send never reaches it
    new-instance v0, Lorg/apkaudit/flows/messenger_service_local/UploadHandler;

    invoke-direct {v0}, Lorg/apkaudit/flows/messenger_service_local/UploadHandler;-><init>()V

    iput-object v0, p0, Lorg/apkaudit/flows/messenger_service_local/UploadService;->uploader:Landroid/os/Handler;

    return-void
.end method
