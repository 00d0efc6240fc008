.class public Lorg/apache/cordova/CordovaPlugin;
.super Ljava/lang/Object;
.source "CordovaPlugin.java"

# Stand-in for Cordova's plugin base class: the runtime calls execute() with the action a page asked for.

.field public cordova:Landroid/app/Activity;

.method public constructor <init>()V
    .registers 1
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public execute(Ljava/lang/String;Lorg/json/JSONArray;Lorg/apache/cordova/CallbackContext;)Z
    .registers 5
    const/4 v0, 0x0
    return v0
.end method
