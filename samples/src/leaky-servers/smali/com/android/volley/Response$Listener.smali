.class public interface abstract Lcom/android/volley/Response$Listener;
.super Ljava/lang/Object;
.source "Response.java"

# STAND-IN STUB for Volley's Response.Listener.


# virtual methods
.method public abstract onResponse(Ljava/lang/Object;)V
.end method
