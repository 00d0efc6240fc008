.class public Lorg/apkaudit/flows/rabbitmq_publish/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "rabbitmq_publish" (3 leaks, network): the serial number sent to a RabbitMQ broker, as Yosemite.apk does.
#
#   String serial = Build.getSerial();
#   new MqClient(String.format("%s.#", serial)).start();     // a Thread subclass, field routingKey
#
#   MqClient.run():
#       ConnectionFactory factory = new ConnectionFactory();
#       factory.setUri("amqp://mq.flows.example:5672");
#       Channel channel = factory.newConnection().createChannel();
#       Log.d("mq", "https://status.flows.example/health");   // a URL, not the destination
#       channel.queueDeclare();                                                  // a server-named queue: nothing
#       channel.queueDeclare(routingKey, false, false, true, null);              // <- leak 1: the queue's name
#       channel.queueBind("device_events", "topic_events", routingKey);          // <- leak 2: the binding's key
#       channel.basicPublish("topic_events", "online", null, ("online " + routingKey).getBytes());  // <- leak 3
#
# The RabbitMQ client (com.rabbitmq) is a bundled library, modelled (sinks.yaml: Channel.queueBind,
# queueDeclare, basicPublish send what they are given to the broker), not walked into.


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

    const-string v1, "%s.#"

    const/4 v2, 0x1

    new-array v2, v2, [Ljava/lang/Object;

    const/4 v3, 0x0

    aput-object v0, v2, v3

    invoke-static {v1, v2}, Ljava/lang/String;->format(Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/String;

    move-result-object v0

    new-instance v1, Lorg/apkaudit/flows/rabbitmq_publish/MqClient;

    invoke-direct {v1, v0}, Lorg/apkaudit/flows/rabbitmq_publish/MqClient;-><init>(Ljava/lang/String;)V

    invoke-virtual {v1}, Lorg/apkaudit/flows/rabbitmq_publish/MqClient;->start()V

    return-void
.end method
