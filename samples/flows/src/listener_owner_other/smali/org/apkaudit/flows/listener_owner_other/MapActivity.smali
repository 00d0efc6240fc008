.class public Lorg/apkaudit/flows/listener_owner_other/MapActivity;
.super Landroid/app/Activity;
.source "MapActivity.java"

# interfaces
.implements Lorg/apkaudit/flows/listener_owner_other/Owner;


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

    new-instance v5, Lorg/apkaudit/flows/listener_owner_other/Watcher;

    invoke-direct {v5, p0}, Lorg/apkaudit/flows/listener_owner_other/Watcher;-><init>(Lorg/apkaudit/flows/listener_owner_other/Owner;)V

    const-string v0, "location"

    invoke-virtual {p0, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;

    move-result-object v0

    check-cast v0, Landroid/location/LocationManager;

    const-string v1, "gps"

    const-wide/16 v2, 0x1388

    const/4 v4, 0x0

    :try_start_0
    # the listener is registered with this activity as its owner
    invoke-virtual/range {v0 .. v5}, Landroid/location/LocationManager;->requestLocationUpdates(Ljava/lang/String;JFLandroid/location/LocationListener;)V
    :try_end_0
    .catch Ljava/lang/SecurityException; {:try_start_0 .. :try_end_0} :catch_0

    :catch_0
    return-void
.end method

.method public onPosition(Ljava/lang/String;)V
    .registers 4

    # the map only shows the position
    invoke-virtual {p0, p1}, Landroid/app/Activity;->setTitle(Ljava/lang/CharSequence;)V

    return-void
.end method
