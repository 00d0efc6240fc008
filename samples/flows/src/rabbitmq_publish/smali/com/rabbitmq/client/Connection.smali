.class public interface abstract Lcom/rabbitmq/client/Connection;
.super Ljava/lang/Object;
.source "Connection.java"


# virtual methods
.method public abstract createChannel()Lcom/rabbitmq/client/Channel;
.end method
