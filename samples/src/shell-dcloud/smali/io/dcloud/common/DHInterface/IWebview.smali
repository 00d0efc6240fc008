.class public interface abstract Lio/dcloud/common/DHInterface/IWebview;
.super Ljava/lang/Object;
.source "IWebview.java"

.method public abstract getActivity()Landroid/app/Activity;
.end method
