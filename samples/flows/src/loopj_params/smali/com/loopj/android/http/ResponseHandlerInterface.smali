.class public interface abstract Lcom/loopj/android/http/ResponseHandlerInterface;
.super Ljava/lang/Object;
.source "ResponseHandlerInterface.java"

# STAND-IN STUB for the android-async-http (loopj) class of the same name (com.loopj.android:android-async-http 1.4.9).
# Real class name and real method signatures (a subset), but the bodies do nothing meaningful:
# they only let the sample app link. No network I/O happens here.
