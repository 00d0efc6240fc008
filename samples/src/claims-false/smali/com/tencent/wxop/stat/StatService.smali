.class public Lcom/tencent/wxop/stat/StatService;
.super Ljava/lang/Object;
.source "SourceFile"

# Tencent MTA (WeChat analytics) entry point: tags its events with the MID device id.


# static fields
.field private static a:Ljava/lang/String;


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method

.method public static trackCustomEvent(Landroid/content/Context;Ljava/lang/String;[Ljava/lang/String;)V
    .registers 4

    invoke-static {p0}, Lcom/tencent/a/a/a/a/h;->a(Landroid/content/Context;)Ljava/lang/String;

    move-result-object v0

    sput-object v0, Lcom/tencent/wxop/stat/StatService;->a:Ljava/lang/String;

    return-void
.end method
