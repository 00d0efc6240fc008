.class public Lcom/android/volley/RequestQueue;
.super Ljava/lang/Object;
.source "RequestQueue.java"

.method public constructor <init>()V
.registers 1
invoke-direct {p0}, Ljava/lang/Object;-><init>()V
return-void
.end method

.method public add(Lcom/android/volley/Request;)Lcom/android/volley/Request;
.registers 2
return-object p1
.end method
