.class public abstract Lcom/android/volley/Request;
.super Ljava/lang/Object;
.source "Request.java"

# Stand-in for Volley's com.android.volley.Request (real name and signatures, no network I/O).

.field private final mUrl:Ljava/lang/String;

.method public constructor <init>(ILjava/lang/String;Lcom/android/volley/Response$ErrorListener;)V
.registers 4
invoke-direct {p0}, Ljava/lang/Object;-><init>()V
iput-object p2, p0, Lcom/android/volley/Request;->mUrl:Ljava/lang/String;
return-void
.end method

.method public getParams()Ljava/util/Map;
.registers 2
const/4 v0, 0x0
return-object v0
.end method
