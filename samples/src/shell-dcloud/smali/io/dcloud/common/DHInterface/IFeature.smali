.class public interface abstract Lio/dcloud/common/DHInterface/IFeature;
.super Ljava/lang/Object;
.source "IFeature.java"

# Stand-in for DCloud's plugin interface: the runtime calls execute() with the page's webview, action and args.

.method public abstract execute(Lio/dcloud/common/DHInterface/IWebview;Ljava/lang/String;[Ljava/lang/String;)Ljava/lang/String;
.end method
