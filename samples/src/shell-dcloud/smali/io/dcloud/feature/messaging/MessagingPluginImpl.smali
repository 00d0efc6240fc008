.class public Lio/dcloud/feature/messaging/MessagingPluginImpl;
.super Ljava/lang/Object;
.source "MessagingPluginImpl.java"

.implements Lio/dcloud/common/DHInterface/IFeature;

# DCloud Messaging plugin stand-in: plus.messaging.sendMessage(...) in the page arrives here (sends an SMS).

.method public constructor <init>()V
    .registers 1
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public execute(Lio/dcloud/common/DHInterface/IWebview;Ljava/lang/String;[Ljava/lang/String;)Ljava/lang/String;
    .registers 10
    invoke-static {}, Landroid/telephony/SmsManager;->getDefault()Landroid/telephony/SmsManager;
    move-result-object v0
    const/4 v1, 0x0
    aget-object v1, p3, v1
    const/4 v2, 0x0
    const/4 v3, 0x1
    aget-object v3, p3, v3
    const/4 v4, 0x0
    const/4 v5, 0x0
    invoke-virtual/range {v0 .. v5}, Landroid/telephony/SmsManager;->sendTextMessage(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;Landroid/app/PendingIntent;Landroid/app/PendingIntent;)V
    const/4 v6, 0x0
    return-object v6
.end method
