.class final Lorg/apkaudit/flows/rabbitmq_publish_local/MqClient;
.super Ljava/lang/Thread;
.source "MqClient.java"

# Binds a queue and publishes on a RabbitMQ broker from a background thread.


# instance fields
.field private final routingKey:Ljava/lang/String;


# direct methods
.method constructor <init>(Ljava/lang/String;)V
    .registers 2

    invoke-direct {p0}, Ljava/lang/Thread;-><init>()V

    iput-object p1, p0, Lorg/apkaudit/flows/rabbitmq_publish_local/MqClient;->routingKey:Ljava/lang/String;

    return-void
.end method


# virtual methods
.method public run()V
    .registers 12

    iget-object v0, p0, Lorg/apkaudit/flows/rabbitmq_publish_local/MqClient;->routingKey:Ljava/lang/String;

    :try_start_0
    new-instance v1, Lcom/rabbitmq/client/ConnectionFactory;

    invoke-direct {v1}, Lcom/rabbitmq/client/ConnectionFactory;-><init>()V

    const-string v2, "amqp://mq.flows.example:5672"

    invoke-virtual {v1, v2}, Lcom/rabbitmq/client/ConnectionFactory;->setUri(Ljava/lang/String;)V

    invoke-virtual {v1}, Lcom/rabbitmq/client/ConnectionFactory;->newConnection()Lcom/rabbitmq/client/Connection;

    move-result-object v1

    invoke-interface {v1}, Lcom/rabbitmq/client/Connection;->createChannel()Lcom/rabbitmq/client/Channel;

    move-result-object v1

    const-string v2, "mq"

    const-string v3, "https://status.flows.example/health"

    invoke-static {v2, v3}, Landroid/util/Log;->d(Ljava/lang/String;Ljava/lang/String;)I

    invoke-interface {v1}, Lcom/rabbitmq/client/Channel;->queueDeclare()Lcom/rabbitmq/client/AMQP$Queue$DeclareOk;

    move-object v5, v1

    move-object v6, v0

    const/4 v7, 0x0

    const/4 v8, 0x0

    const/4 v9, 0x1

    const/4 v10, 0x0

    invoke-interface/range {v5 .. v10}, Lcom/rabbitmq/client/Channel;->queueDeclare(Ljava/lang/String;ZZZLjava/util/Map;)Lcom/rabbitmq/client/AMQP$Queue$DeclareOk;

    const-string v2, "device_events"

    const-string v3, "topic_events"

    invoke-interface {v1, v2, v3, v0}, Lcom/rabbitmq/client/Channel;->queueBind(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)Lcom/rabbitmq/client/AMQP$Queue$BindOk;

    new-instance v2, Ljava/lang/StringBuilder;

    invoke-direct {v2}, Ljava/lang/StringBuilder;-><init>()V

    const-string v4, "online "

    invoke-virtual {v2, v4}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;

    invoke-virtual {v2, v0}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;

    invoke-virtual {v2}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;

    move-result-object v2

    invoke-virtual {v2}, Ljava/lang/String;->getBytes()[B

    move-result-object v5

    const-string v4, "online"

    const/4 v2, 0x0

    invoke-interface {v1, v3, v4, v2, v5}, Lcom/rabbitmq/client/Channel;->basicPublish(Ljava/lang/String;Ljava/lang/String;Lcom/rabbitmq/client/AMQP$BasicProperties;[B)V
    :try_end_0
    .catch Ljava/lang/Exception; {:try_start_0 .. :try_end_0} :catch_0

    :catch_0
    return-void
.end method
