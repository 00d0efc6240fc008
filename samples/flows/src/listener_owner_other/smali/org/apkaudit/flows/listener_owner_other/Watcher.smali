.class public final Lorg/apkaudit/flows/listener_owner_other/Watcher;
.super Ljava/lang/Object;
.source "Watcher.java"

# interfaces
.implements Landroid/location/LocationListener;

# A location listener that hands each position to the activity that made it (new Watcher(this)).


# instance fields
.field private final owner:Lorg/apkaudit/flows/listener_owner_other/Owner;


# direct methods
.method public constructor <init>(Lorg/apkaudit/flows/listener_owner_other/Owner;)V
    .registers 2

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    iput-object p1, p0, Lorg/apkaudit/flows/listener_owner_other/Watcher;->owner:Lorg/apkaudit/flows/listener_owner_other/Owner;

    return-void
.end method


# virtual methods
.method public onLocationChanged(Landroid/location/Location;)V
    .registers 5

    # source: the location the system delivers
    invoke-virtual {p1}, Landroid/location/Location;->getLatitude()D

    move-result-wide v0

    invoke-static {v0, v1}, Ljava/lang/String;->valueOf(D)Ljava/lang/String;

    move-result-object v0

    iget-object v2, p0, Lorg/apkaudit/flows/listener_owner_other/Watcher;->owner:Lorg/apkaudit/flows/listener_owner_other/Owner;

    # an interface call: which onPosition runs depends on who made this listener
    invoke-interface {v2, v0}, Lorg/apkaudit/flows/listener_owner_other/Owner;->onPosition(Ljava/lang/String;)V

    return-void
.end method

.method public onProviderDisabled(Ljava/lang/String;)V
    .registers 2

    return-void
.end method

.method public onProviderEnabled(Ljava/lang/String;)V
    .registers 2

    return-void
.end method

.method public onStatusChanged(Ljava/lang/String;ILandroid/os/Bundle;)V
    .registers 4

    return-void
.end method
