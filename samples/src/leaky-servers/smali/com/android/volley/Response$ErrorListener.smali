.class public interface abstract Lcom/android/volley/Response$ErrorListener;
.super Ljava/lang/Object;
.source "Response.java"

# STAND-IN STUB for Volley's Response.ErrorListener.


# virtual methods
.method public abstract onErrorResponse(Ljava/lang/Exception;)V
.end method
