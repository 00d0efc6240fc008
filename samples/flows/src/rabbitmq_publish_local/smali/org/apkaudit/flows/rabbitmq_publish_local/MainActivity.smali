.class public Lorg/apkaudit/flows/rabbitmq_publish_local/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "rabbitmq_publish_local" (0 leaks): the negative twin of rabbitmq_publish. The serial number is only shown
# (setTitle); the client declares, binds and publishes constants.
#
#   setTitle(Build.getSerial());
#   new MqClient("all.#").start();


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

    invoke-static {}, Landroid/os/Build;->getSerial()Ljava/lang/String;

    move-result-object v0

    invoke-virtual {p0, v0}, Lorg/apkaudit/flows/rabbitmq_publish_local/MainActivity;->setTitle(Ljava/lang/CharSequence;)V

    const-string v0, "all.#"

    new-instance v1, Lorg/apkaudit/flows/rabbitmq_publish_local/MqClient;

    invoke-direct {v1, v0}, Lorg/apkaudit/flows/rabbitmq_publish_local/MqClient;-><init>(Ljava/lang/String;)V

    invoke-virtual {v1}, Lorg/apkaudit/flows/rabbitmq_publish_local/MqClient;->start()V

    return-void
.end method
