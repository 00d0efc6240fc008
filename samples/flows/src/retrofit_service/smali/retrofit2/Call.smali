.class public interface abstract Lretrofit2/Call;
.super Ljava/lang/Object;
.source "Call.java"

# STAND-IN STUB for the Retrofit 2 library class of the same name (com.squareup.retrofit2:retrofit 2.x).
# Real class name and real method signatures, but the bodies do nothing meaningful: they only let the
# sample link. No network I/O happens here.


# virtual methods
.method public abstract execute()Lretrofit2/Response;
.end method
