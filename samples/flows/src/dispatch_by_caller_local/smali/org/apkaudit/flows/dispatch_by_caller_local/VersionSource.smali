.class public Lorg/apkaudit/flows/dispatch_by_caller_local/VersionSource;
.super Lorg/apkaudit/flows/dispatch_by_caller_local/Source;
.source "VersionSource.java"

# class VersionSource extends Source { String value() { return "1.0"; } }


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Lorg/apkaudit/flows/dispatch_by_caller_local/Source;-><init>()V

    return-void
.end method


# virtual methods
.method public value()Ljava/lang/String;
    .registers 2

    const-string v0, "1.0"

    return-object v0
.end method
