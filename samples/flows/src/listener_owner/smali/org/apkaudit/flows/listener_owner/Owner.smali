.class public interface abstract Lorg/apkaudit/flows/listener_owner/Owner;
.super Ljava/lang/Object;
.source "Owner.java"


# virtual methods
.method public abstract onPosition(Ljava/lang/String;)V
.end method
