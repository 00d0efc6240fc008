.class public Lorg/apkaudit/flows/icc_patterns/ShowActivity;
.super Lorg/apkaudit/flows/icc_patterns/BaseShow;
.source "ShowActivity.java"

# Inherits onCreate from BaseShow, which reads getIntent().


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Lorg/apkaudit/flows/icc_patterns/BaseShow;-><init>()V

    return-void
.end method
