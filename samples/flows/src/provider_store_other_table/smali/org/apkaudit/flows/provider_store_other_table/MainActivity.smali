.class public Lorg/apkaudit/flows/provider_store_other_table/MainActivity;
.super Landroid/app/Activity;

# Flow case "provider_store_other_table".
#
#   ContentValues values = new ContentValues();
#   values.put("imei", telephony.getDeviceId());
#   getContentResolver().insert(IdProvider.CONTENT_URI, values);      // content://org.apkaudit.flows.provider_store_other_table.ids/devices
#   upload();
#
#   void upload() {
#       Cursor c = getContentResolver().query(Uri.parse("content://org.apkaudit.flows.provider_store_other_table.ids/settings"), null, null, null, null);
#       if (c.moveToFirst()) { String v = c.getString(c.getColumnIndex("imei")); post(v); }
#   }

.method public constructor <init>()V
    .registers 1
    invoke-direct {p0}, Landroid/app/Activity;-><init>()V
    return-void
.end method

.method protected onCreate(Landroid/os/Bundle;)V
    .registers 6
    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V
    const-string v0, "phone"
    invoke-virtual {p0, v0}, Lorg/apkaudit/flows/provider_store_other_table/MainActivity;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/telephony/TelephonyManager;
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;
    move-result-object v0
    new-instance v1, Landroid/content/ContentValues;
    invoke-direct {v1}, Landroid/content/ContentValues;-><init>()V
    const-string v2, "imei"
    invoke-virtual {v1, v2, v0}, Landroid/content/ContentValues;->put(Ljava/lang/String;Ljava/lang/String;)V
    invoke-virtual {p0}, Lorg/apkaudit/flows/provider_store_other_table/MainActivity;->getContentResolver()Landroid/content/ContentResolver;
    move-result-object v2
    sget-object v3, Lorg/apkaudit/flows/provider_store_other_table/IdProvider;->CONTENT_URI:Landroid/net/Uri;
    invoke-virtual {v2, v3, v1}, Landroid/content/ContentResolver;->insert(Landroid/net/Uri;Landroid/content/ContentValues;)Landroid/net/Uri;
    invoke-virtual {p0}, Lorg/apkaudit/flows/provider_store_other_table/MainActivity;->upload()V
    return-void
.end method

.method public upload()V
    .registers 9
    :try_start_0
    const-string v0, "content://org.apkaudit.flows.provider_store_other_table.ids/settings"
    invoke-static {v0}, Landroid/net/Uri;->parse(Ljava/lang/String;)Landroid/net/Uri;
    move-result-object v1
    invoke-virtual {p0}, Lorg/apkaudit/flows/provider_store_other_table/MainActivity;->getContentResolver()Landroid/content/ContentResolver;
    move-result-object v0
    const/4 v2, 0x0
    move-object v3, v2
    move-object v4, v2
    move-object v5, v2
    invoke-virtual/range {v0 .. v5}, Landroid/content/ContentResolver;->query(Landroid/net/Uri;[Ljava/lang/String;Ljava/lang/String;[Ljava/lang/String;Ljava/lang/String;)Landroid/database/Cursor;
    move-result-object v6
    if-eqz v6, :done
    invoke-interface {v6}, Landroid/database/Cursor;->moveToFirst()Z
    move-result v0
    if-eqz v0, :done
    const-string v0, "imei"
    invoke-interface {v6, v0}, Landroid/database/Cursor;->getColumnIndex(Ljava/lang/String;)I
    move-result v0
    invoke-interface {v6, v0}, Landroid/database/Cursor;->getString(I)Ljava/lang/String;
    move-result-object v7
    new-instance v1, Ljava/net/URL;
    const-string v2, "https://api.flows.example/v1/provider_store_other_table"
    invoke-direct {v1, v2}, Ljava/net/URL;-><init>(Ljava/lang/String;)V
    invoke-virtual {v1}, Ljava/net/URL;->openConnection()Ljava/net/URLConnection;
    move-result-object v1
    check-cast v1, Ljava/net/HttpURLConnection;
    const/4 v2, 0x1
    invoke-virtual {v1, v2}, Ljava/net/HttpURLConnection;->setDoOutput(Z)V
    invoke-virtual {v1}, Ljava/net/HttpURLConnection;->getOutputStream()Ljava/io/OutputStream;
    move-result-object v2
    invoke-virtual {v7}, Ljava/lang/String;->getBytes()[B
    move-result-object v3
    invoke-virtual {v2, v3}, Ljava/io/OutputStream;->write([B)V
    invoke-virtual {v2}, Ljava/io/OutputStream;->close()V
    :try_end_0
    .catch Ljava/lang/Exception; {:try_start_0 .. :try_end_0} :done
    :done
    return-void
.end method
