.class public interface abstract Lcom/android/volley/Response$Listener;
.super Ljava/lang/Object;
.source "Response.java"

.method public abstract onResponse(Ljava/lang/Object;)V
.end method
