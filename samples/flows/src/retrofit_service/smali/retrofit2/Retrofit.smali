.class public final Lretrofit2/Retrofit;
.super Ljava/lang/Object;
.source "Retrofit.java"

# STAND-IN STUB for the Retrofit 2 library class of the same name (com.squareup.retrofit2:retrofit 2.x).
# Real class name and real method signatures, but the bodies do nothing meaningful: they only let the
# sample link. No network I/O happens here.


# direct methods
.method constructor <init>()V
    .registers 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method


# virtual methods
.method public create(Ljava/lang/Class;)Ljava/lang/Object;
    .registers 3

    # the real create() returns a java.lang.reflect.Proxy whose handler turns each call into a request
    const/4 v0, 0x0

    return-object v0
.end method
