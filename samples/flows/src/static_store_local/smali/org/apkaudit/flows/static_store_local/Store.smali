.class final Lorg/apkaudit/flows/static_store_local/Store;
.super Ljava/lang/Object;
.source "Store.java"


# static fields
.field static imei:Ljava/lang/String;

.field static lastSync:Ljava/lang/String;


# direct methods
.method private constructor <init>()V
    .registers 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method
