.class public Lorg/apache/cordova/CallbackContext;
.super Ljava/lang/Object;
.source "CallbackContext.java"

# Stand-in: sends a plugin's result back to the page's JavaScript.

.method public constructor <init>()V
    .registers 1
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public success(Lorg/json/JSONArray;)V
    .registers 2
    return-void
.end method
