.class public abstract Lorg/apkaudit/flows/dispatch_by_caller/Source;
.super Ljava/lang/Object;
.source "Source.java"

# abstract class Source { abstract String value(); }


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method


# virtual methods
.method public abstract value()Ljava/lang/String;
.end method
