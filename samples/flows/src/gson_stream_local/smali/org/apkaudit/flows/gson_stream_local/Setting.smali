.class public Lorg/apkaudit/flows/gson_stream_local/Setting;
.super Ljava/lang/Object;
.source "Setting.java"

# A bean serialised by Gson (fields read by reflection). See MainActivity.smali.


# instance fields
.field public name:Ljava/lang/String;

.field public value:Ljava/lang/String;


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method
