.class public Lorg/apkaudit/flows/element_positions_plain/Profile;
.super Ljava/lang/Object;
.source "Profile.java"

# A bean: class Profile { String id; Profile(String id) { this.id = id; } }


# instance fields
.field public id:Ljava/lang/String;


# direct methods
.method public constructor <init>(Ljava/lang/String;)V
    .registers 2

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    iput-object p1, p0, Lorg/apkaudit/flows/element_positions_plain/Profile;->id:Ljava/lang/String;

    return-void
.end method
