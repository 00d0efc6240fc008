.class public Lcom/loopj/android/http/AsyncHttpClient;
.super Ljava/lang/Object;
.source "AsyncHttpClient.java"

# STAND-IN STUB for the android-async-http (loopj) class of the same name (com.loopj.android:android-async-http 1.4.9).
# Real class name and real method signatures (a subset), but the bodies do nothing meaningful:
# they only let the sample app link. No network I/O happens here.


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method


# virtual methods
.method public post(Ljava/lang/String;Lcom/loopj/android/http/RequestParams;Lcom/loopj/android/http/ResponseHandlerInterface;)Lcom/loopj/android/http/RequestHandle;
    .registers 5

    new-instance v0, Lcom/loopj/android/http/RequestHandle;

    invoke-direct {v0}, Lcom/loopj/android/http/RequestHandle;-><init>()V

    return-object v0
.end method
