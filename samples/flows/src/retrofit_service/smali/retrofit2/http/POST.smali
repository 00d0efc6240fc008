.class public interface abstract annotation Lretrofit2/http/POST;
.super Ljava/lang/Object;
.source "POST.java"

# interfaces
.implements Ljava/lang/annotation/Annotation;

# STAND-IN STUB for the Retrofit 2 library class of the same name (com.squareup.retrofit2:retrofit 2.x).
# Real class name and real method signatures, but the bodies do nothing meaningful: they only let the
# sample link. No network I/O happens here.


# virtual methods
.method public abstract value()Ljava/lang/String;
.end method
