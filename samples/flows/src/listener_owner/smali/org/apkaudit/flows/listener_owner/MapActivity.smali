.class public Lorg/apkaudit/flows/listener_owner/MapActivity;
.super Landroid/app/Activity;
.source "MapActivity.java"

# interfaces
.implements Lorg/apkaudit/flows/listener_owner/Owner;


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 8

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    return-void
.end method

.method public onPosition(Ljava/lang/String;)V
    .registers 4

    # the map only shows the position
    invoke-virtual {p0, p1}, Landroid/app/Activity;->setTitle(Ljava/lang/CharSequence;)V

    return-void
.end method
