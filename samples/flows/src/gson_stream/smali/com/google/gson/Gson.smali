.class public final Lcom/google/gson/Gson;
.super Ljava/lang/Object;
.source "Gson.java"

# STAND-IN STUB for the Gson class of the same name (com.google.code.gson:gson 2.x).
# Real class name and real method signatures (a subset); the body does not serialise anything.


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method


# virtual methods
.method public toJson(Ljava/lang/Object;)Ljava/lang/String;
    .registers 3

    const-string v0, "[]"

    return-object v0
.end method

.method public toJson(Ljava/lang/Object;Ljava/lang/Appendable;)V
    .registers 4

    # (writes the object's JSON into the Appendable)
    const-string v0, "[]"

    invoke-interface {p2, v0}, Ljava/lang/Appendable;->append(Ljava/lang/CharSequence;)Ljava/lang/Appendable;

    return-void
.end method
