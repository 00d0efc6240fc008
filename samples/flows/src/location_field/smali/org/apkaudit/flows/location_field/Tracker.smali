.class final Lorg/apkaudit/flows/location_field/Tracker;
.super Ljava/lang/Object;
.source "Tracker.java"

# interfaces
.implements Landroid/location/LocationListener;

# A location listener that keeps the last position in a field of the activity that registered it.


# instance fields
.field private final activity:Lorg/apkaudit/flows/location_field/MainActivity;


# direct methods
.method constructor <init>(Lorg/apkaudit/flows/location_field/MainActivity;)V
    .registers 2

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    iput-object p1, p0, Lorg/apkaudit/flows/location_field/Tracker;->activity:Lorg/apkaudit/flows/location_field/MainActivity;

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

    iget-object v2, p0, Lorg/apkaudit/flows/location_field/Tracker;->activity:Lorg/apkaudit/flows/location_field/MainActivity;

    # carrier: the activity's field last
    iput-object v0, v2, Lorg/apkaudit/flows/location_field/MainActivity;->last:Ljava/lang/String;

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
