.class public Lcom/rabbitmq/client/ConnectionFactory;
.super Ljava/lang/Object;
.source "ConnectionFactory.java"

# A stand-in of the RabbitMQ Java client's ConnectionFactory (com.rabbitmq:amqp-client 5.x), as bundled in an APK.


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method


# virtual methods
.method public newConnection()Lcom/rabbitmq/client/Connection;
    .registers 2

    new-instance v0, Ljava/lang/UnsupportedOperationException;

    invoke-direct {v0}, Ljava/lang/UnsupportedOperationException;-><init>()V

    throw v0
.end method

.method public setUri(Ljava/lang/String;)V
    .registers 2

    return-void
.end method
