.class public interface abstract Lcom/rabbitmq/client/Channel;
.super Ljava/lang/Object;
.source "Channel.java"


# virtual methods
.method public abstract basicPublish(Ljava/lang/String;Ljava/lang/String;Lcom/rabbitmq/client/AMQP$BasicProperties;[B)V
.end method

.method public abstract queueBind(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)Lcom/rabbitmq/client/AMQP$Queue$BindOk;
.end method

.method public abstract queueDeclare()Lcom/rabbitmq/client/AMQP$Queue$DeclareOk;
.end method

.method public abstract queueDeclare(Ljava/lang/String;ZZZLjava/util/Map;)Lcom/rabbitmq/client/AMQP$Queue$DeclareOk;
.end method
