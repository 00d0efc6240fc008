.class public Lorg/apkaudit/flows/packages_other_field/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "packages_other_field" (no leak).
#
#   onCreate:
#     List<PackageInfo> installed = getPackageManager().getInstalledPackages(0);
#     StringBuilder sb = new StringBuilder();
#     for (PackageInfo p : installed) sb.append(p.packageName).append(',');   // iterator()/next()
#     this.apps = sb.toString();
#     this.label = "flows";
#   onResume:
#     ... new URL("https://api.flows.example/v1/packages_other_field").openConnection() ...
#     out.write(this.label.getBytes());       // a constant: no leak

.field private apps:Ljava/lang/String;

.field private label:Ljava/lang/String;

.method public constructor <init>()V
    .registers 1
    invoke-direct {p0}, Landroid/app/Activity;-><init>()V
    return-void
.end method

.method protected onCreate(Landroid/os/Bundle;)V
    .registers 6
    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V
    invoke-virtual {p0}, Lorg/apkaudit/flows/packages_other_field/MainActivity;->getPackageManager()Landroid/content/pm/PackageManager;
    move-result-object v0
    const/4 v1, 0x0
    invoke-virtual {v0, v1}, Landroid/content/pm/PackageManager;->getInstalledPackages(I)Ljava/util/List;
    move-result-object v0
    new-instance v1, Ljava/lang/StringBuilder;
    invoke-direct {v1}, Ljava/lang/StringBuilder;-><init>()V
    invoke-interface {v0}, Ljava/util/List;->iterator()Ljava/util/Iterator;
    move-result-object v2
    :goto_loop
    invoke-interface {v2}, Ljava/util/Iterator;->hasNext()Z
    move-result v3
    if-eqz v3, :cond_end
    invoke-interface {v2}, Ljava/util/Iterator;->next()Ljava/lang/Object;
    move-result-object v3
    check-cast v3, Landroid/content/pm/PackageInfo;
    iget-object v4, v3, Landroid/content/pm/PackageInfo;->packageName:Ljava/lang/String;
    invoke-virtual {v1, v4}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    move-result-object v4
    const/16 v3, 0x2c
    invoke-virtual {v4, v3}, Ljava/lang/StringBuilder;->append(C)Ljava/lang/StringBuilder;
    goto :goto_loop
    :cond_end
    invoke-virtual {v1}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;
    move-result-object v0
    iput-object v0, p0, Lorg/apkaudit/flows/packages_other_field/MainActivity;->apps:Ljava/lang/String;
    const-string v0, "flows"
    iput-object v0, p0, Lorg/apkaudit/flows/packages_other_field/MainActivity;->label:Ljava/lang/String;
    return-void
.end method

.method protected onResume()V
    .registers 4
    invoke-super {p0}, Landroid/app/Activity;->onResume()V
    :try_start_0
    new-instance v0, Ljava/net/URL;
    const-string v1, "https://api.flows.example/v1/packages_other_field"
    invoke-direct {v0, v1}, Ljava/net/URL;-><init>(Ljava/lang/String;)V
    invoke-virtual {v0}, Ljava/net/URL;->openConnection()Ljava/net/URLConnection;
    move-result-object v0
    check-cast v0, Ljava/net/HttpURLConnection;
    const-string v1, "POST"
    invoke-virtual {v0, v1}, Ljava/net/HttpURLConnection;->setRequestMethod(Ljava/lang/String;)V
    const/4 v1, 0x1
    invoke-virtual {v0, v1}, Ljava/net/HttpURLConnection;->setDoOutput(Z)V
    invoke-virtual {v0}, Ljava/net/HttpURLConnection;->getOutputStream()Ljava/io/OutputStream;
    move-result-object v1
    iget-object v2, p0, Lorg/apkaudit/flows/packages_other_field/MainActivity;->label:Ljava/lang/String;
    invoke-virtual {v2}, Ljava/lang/String;->getBytes()[B
    move-result-object v2
    invoke-virtual {v1, v2}, Ljava/io/OutputStream;->write([B)V
    invoke-virtual {v1}, Ljava/io/OutputStream;->close()V
    invoke-virtual {v0}, Ljava/net/HttpURLConnection;->getResponseCode()I
    :try_end_0
    .catch Ljava/lang/Exception; {:try_start_0 .. :try_end_0} :catch_0
    return-void
    :catch_0
    move-exception v0
    return-void
.end method

